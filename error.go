package parallax

import (
	"errors"
	"fmt"
)

// Error codes for user-facing errors; the CLI maps them to exit statuses
// and the HTTP layer to response codes.
const (
	ECONFLICT = "conflict"
	EINTERNAL = "internal"
	EINVALID  = "invalid"
	ENOTFOUND = "not_found"
)

// Error is an error meant for the user: Message is safe to show.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("parallax: %s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err's *Error, EINTERNAL for other errors,
// and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// ErrNotFound is returned by stores when a requested item does not exist.
var ErrNotFound = &Error{Code: ENOTFOUND, Message: "not found"}

// RecordError is a failure confined to one input record: the record is
// skipped, the rest of the input is processed.
type RecordError struct {
	Source string // the record, as in Record.Source
	Stage  string // "read", "decode", "clean", "analyze", "store"
	Err    error
}

func (e *RecordError) Error() string { return fmt.Sprintf("%s: %s: %v", e.Source, e.Stage, e.Err) }
func (e *RecordError) Unwrap() error { return e.Err }
