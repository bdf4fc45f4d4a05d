// Package desktop is the operating system around the window: opening a file with its default
// program, showing it in its folder, the message box for when no window can be made, the
// screen's work area and the remembered window geometry. It does not import Fyne, so each
// piece is a plain function that tests reach on Linux; the Windows calls live in _windows files.
package desktop
