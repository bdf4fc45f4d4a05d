package exeres

import (
	"bytes"
	"testing"
)

func TestSysoIsWritten(t *testing.T) {
	rs, err := Resources("党建融合工作台", "0.1.0.1")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteSyso(&b, rs); err != nil {
		t.Fatal(err)
	}
	// A COFF object for x86-64 starts with the machine type 0x8664.
	if b.Len() < 1000 || b.Bytes()[0] != 0x64 || b.Bytes()[1] != 0x86 {
		t.Fatalf("not an AMD64 object file: %d bytes, % x", b.Len(), b.Bytes()[:4])
	}
}
