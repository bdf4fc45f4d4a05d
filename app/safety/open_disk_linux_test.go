package safety

import (
	"path/filepath"
	"testing"

	"dangjian/app/apptest"
	"dangjian/data"
	"dangjian/data/disktest"
)

// A healthy database on a full disk does not open: the window says the disk is full and offers
// no restore — restoring used to move the healthy file aside as 损坏 and start on an empty one.
func TestOpenFailureOnAFullDiskOffersNoRestore(t *testing.T) {
	a := apptest.NewTestApp(t)
	disk := disktest.SmallDisk(t, "4m")
	path := filepath.Join(disk, "库.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AutoBackup("每日"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	disktest.Fill(t, disk)
	_, err = data.Open(path)
	if err == nil {
		t.Fatal("opened on a full disk")
	}
	w := ShowOpenFailure(a, path, err, nil)
	if !apptest.HasLabel(w.Content(), "磁盘已满") || apptest.HasLabel(w.Content(), "损坏") {
		t.Fatal("the window does not say the disk is full, or calls the file damaged")
	}
	if apptest.Button(w, "恢复最新的完好备份") != nil {
		t.Fatal("restore offered for a healthy database on a full disk")
	}
}
