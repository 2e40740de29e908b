package corpus

import "errors"

// ErrNotFound reports that a requested document, Land, topic, meeting, series
// or person does not exist.
var ErrNotFound = errors.New("not found")

// ErrInvalid reports input that cannot be used: a malformed id, query or
// parameter. Callers wrap it with details.
var ErrInvalid = errors.New("invalid input")
