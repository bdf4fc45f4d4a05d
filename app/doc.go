// Package app builds the Fyne screens of 党建融合工作台; it talks to data/ only through its Go API.
package app
