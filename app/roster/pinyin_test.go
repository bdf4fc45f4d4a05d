package roster

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dangjian/app/ui"
	"dangjian/data"
)

// A staff member types a colleague's name by its sound: the full pinyin, then the initials.
// The roster lists that colleague and says how many match; a person picker finds them too.
func TestRosterAndPickerFindANameByPinyin(t *testing.T) {
	wb, r := rsDemo(t, fyne.NewSize(1366, 768))
	all, _ := wb.Store.Members(context.Background(), data.MemberFilter{})
	m := all[137]
	full, initials := data.NamePinyin(m.Name)
	if full == "" {
		t.Fatalf("demo member %s has no pinyin", m.Name)
	}
	for _, typed := range []string{full, strings.ToUpper(initials)} {
		r.search.SetText("")
		test.Type(r.search, typed)
		want := 0
		for _, x := range all {
			f, i := data.NamePinyin(x.Name)
			if strings.Contains(f, strings.ToLower(typed)) || strings.Contains(i, strings.ToLower(typed)) {
				want++
			}
		}
		if r.count.Text != fmt.Sprintf("共 %d 人", want) {
			t.Errorf("typing %q: count %q, want 共 %d 人", typed, r.count.Text, want)
		}
		found := false
		for _, i := range r.view {
			found = found || r.idx.At(i).PersonID == m.PersonID
		}
		if !found {
			t.Errorf("typing %q did not list %s", typed, m.Name)
		}
	}

	persons, _ := wb.Store.Persons(context.Background())
	p := ui.NewPersonPicker(persons, func(x data.Person) string { return x.Name })
	test.Type(p.Search, full)
	shown, _ := p.Find(p.Search.Text)
	found := false
	for _, x := range shown {
		found = found || x.ID == m.PersonID
	}
	if !found || strings.HasPrefix(p.Info.Text, "没有找到") {
		t.Errorf("picker: typing %q shows %d persons (%q) without %s", full, len(shown), p.Info.Text, m.Name)
	}
}
