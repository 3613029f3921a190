// Package fmt: formatted I/O. Formatting verbs are implemented by the simulator.
package fmt

import (
	"errors"
	"io"
)

// Stringer is implemented by any value that has a String method.
type Stringer interface {
	String() string
}

func Println(a ...any) (n int, err error)
func Printf(format string, a ...any) (n int, err error)
func Print(a ...any) (n int, err error)
func Sprintf(format string, a ...any) string
func Sprint(a ...any) string
func Sprintln(a ...any) string

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}

// Errorf formats according to a format specifier and returns the string as
// an error. With a %w verb (formatted like %v), the error wraps its operand.
func Errorf(format string, a ...any) error {
	s := Sprintf(format, a...)
	i := wrappedIndex(format)
	if i < 0 || i >= len(a) {
		return errors.New(s)
	}
	e, ok := a[i].(error)
	if !ok {
		return errors.New(s)
	}
	return &wrapError{s, e}
}

// wrappedIndex returns the index of the argument of the first %w verb, or -1.
func wrappedIndex(format string) int {
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) {
			c := format[i]
			if c == '+' || c == '-' || c == '#' || c == ' ' || c == '.' || (c >= '0' && c <= '9') {
				i++
				continue
			}
			break
		}
		if i >= len(format) {
			break
		}
		if format[i] == '%' {
			continue
		}
		if format[i] == 'w' {
			return n
		}
		n++
	}
	return -1
}

// Fprintf formats according to a format specifier and writes to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}

// Fprint formats using the default formats and writes to w.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}

// Fprintln formats using the default formats, adds a newline and writes to w.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}
