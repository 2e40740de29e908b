package corpus

import (
	"errors"
	"fmt"
)

// ErrNotFound reports that a requested document, Land, topic, meeting, series
// or person does not exist.
var ErrNotFound = errors.New("not found")

// ErrInvalid reports input that cannot be used: a malformed id, query or
// parameter. Callers wrap it with details.
var ErrInvalid = errors.New("invalid input")

// Refusal is a request refused for a reason its user can act on: Message
// says in German what was wrong (it is what the API and the CLI show), Kind
// is the sentinel that decides how it is treated (ErrInvalid, ErrNotFound or
// a caller's own). Wrapping a Refusal keeps its message for the user; the
// wrapping context goes to logs.
type Refusal struct {
	Kind    error
	Message string
}

func (e *Refusal) Error() string { return e.Message }

// Unwrap makes a Refusal match its Kind.
func (e *Refusal) Unwrap() error { return e.Kind }

// Invalid returns a Refusal of ErrInvalid with a German message.
func Invalid(format string, args ...any) error {
	return &Refusal{Kind: ErrInvalid, Message: fmt.Sprintf(format, args...)}
}

// NotFound returns a Refusal of ErrNotFound with a German message.
func NotFound(format string, args ...any) error {
	return &Refusal{Kind: ErrNotFound, Message: fmt.Sprintf(format, args...)}
}
