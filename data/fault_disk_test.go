//go:build linux

package data

import (
	"os"
	"path/filepath"
	"testing"

	"dangjian/data/disktest"
)

// A healthy database on a disk that became read-only or full is refused for what it is, and
// opens again, whole, once the disk is fine.
func TestOpenOnAReadOnlyOrFullDiskSaysSo(t *testing.T) {
	for _, c := range []struct {
		name, want string
		fault      func(t testing.TB, disk string)
	}{
		{"只读", "只读", disktest.ReadOnly},
		{"磁盘已满", "磁盘已满", disktest.Fill},
	} {
		t.Run(c.name, func(t *testing.T) {
			disk := disktest.SmallDisk(t, "4m")
			path := filepath.Join(disk, "库.db")
			s := openWithMembers(t, path, 4)
			s.Close()
			before, _ := os.ReadFile(path)
			c.fault(t, disk)
			_, err := Open(path)
			if err == nil {
				t.Fatal("opened")
			}
			saysInChinese(t, c.name, Explain(err), c.want, path)
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Fatal("the database changed")
			}
		})
	}
}
