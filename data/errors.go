package data

import (
	"errors"
	"strings"
)

// FieldError says what is wrong with one field of a form, in Chinese, so the form can show it
// next to the field.
type FieldError struct {
	Field   string // the Go field name, e.g. "IDNumber"
	Message string
}

// Invalid is a set of field errors; nothing was saved.
type Invalid []FieldError

func (v Invalid) Error() string {
	msgs := make([]string, len(v))
	for i, e := range v {
		msgs[i] = e.Message
	}
	return strings.Join(msgs, "；")
}

// For returns the message for one field, "" when it is fine.
func (v Invalid) For(field string) string {
	for _, e := range v {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// AsInvalid unwraps field errors from err.
func AsInvalid(err error) (Invalid, bool) {
	var v Invalid
	ok := errors.As(err, &v)
	return v, ok
}

// ErrNotFound is returned when a record asked for by id does not exist.
var ErrNotFound = errors.New("记录不存在，可能已被删除")
