package data

import (
	"os"
	"path/filepath"
	"testing"
)

// Office folders are named by people: Chinese, spaces, "#" and "%" ("党建 资料#2", "完成率100%").
// The database, its backups and a restore must use exactly the file at that path.
func TestDatabaseInAFolderNamedByPeople(t *testing.T) {
	for _, dir := range []string{"党建 资料", "党建资料#2", "完成率100%", "问答?"} {
		t.Run(dir, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), dir, "党建 数据.db")
			s := openWithMembers(t, path, 3)
			st, err := os.Stat(path)
			if err != nil || st.Size() == 0 {
				t.Fatalf("no database at %s (%v)", path, err)
			}
			backup, err := s.AutoBackup("手动")
			if err != nil {
				t.Fatal(err)
			}
			if c, err := InspectBackup(backup); err != nil || c.Members != 3 {
				t.Fatalf("InspectBackup(%s) = %+v, %v", backup, c, err)
			}
			addMembers(t, s, 2)
			ns, err := s.RestoreFrom(backup, "")
			if ns != nil {
				defer ns.Close()
			}
			if err != nil {
				t.Fatal(err)
			}
			if n := countMembers(t, ns); n != 3 {
				t.Fatalf("%d members after restore, want 3", n)
			}
			entries, _ := os.ReadDir(filepath.Dir(filepath.Dir(path)))
			if len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Fatalf("files beside the folder: %q; the database went somewhere else", names)
			}
		})
	}
}
