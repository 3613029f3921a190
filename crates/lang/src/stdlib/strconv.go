// Package strconv: conversions to and from strings. Parsing and formatting
// are natives; errors are *NumError values built here, with Go's messages
// (`strconv.Atoi: parsing "x": invalid syntax`).
package strconv

import "errors"

// ErrRange indicates that a value is out of range for the target type.
var ErrRange = errors.New("value out of range")

// ErrSyntax indicates that a value does not have the right syntax for the target type.
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string
	Num  string
	Err  error
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error { return e.Err }

// IntSize is the size in bits of an int or uint value.
const IntSize = 64

// parseInt parses s in the given base and bit size; code is 0 (ok),
// 1 (syntax), 2 (range: i is clamped), 3 (invalid base), 4 (invalid bit size).
func parseInt(s string, base int, bitSize int) (i int64, code int)

// parseFloat parses s; code is 0 (ok), 1 (syntax), 2 (range: f is ±Inf).
func parseFloat(s string, bitSize int) (f float64, code int)

func numError(fn, s string, code int, base int, bitSize int) error {
	switch code {
	case 1:
		return &NumError{fn, s, ErrSyntax}
	case 2:
		return &NumError{fn, s, ErrRange}
	case 3:
		return &NumError{fn, s, errors.New("invalid base " + Itoa(base))}
	}
	return &NumError{fn, s, errors.New("invalid bit size " + Itoa(bitSize))}
}

// Atoi is equivalent to ParseInt(s, 10, 0), converted to type int.
func Atoi(s string) (int, error) {
	i, code := parseInt(s, 10, 0)
	if code != 0 {
		return int(i), numError("Atoi", s, code, 10, 0)
	}
	return int(i), nil
}

// ParseInt interprets a string s in the given base (0, 2 to 36) and bit size.
func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	i, code := parseInt(s, base, bitSize)
	if code != 0 {
		return i, numError("ParseInt", s, code, base, bitSize)
	}
	return i, nil
}

// ParseFloat converts the string s to a floating-point number.
func ParseFloat(s string, bitSize int) (float64, error) {
	f, code := parseFloat(s, bitSize)
	if code != 0 {
		return f, numError("ParseFloat", s, code, 10, bitSize)
	}
	return f, nil
}

// ParseBool returns the boolean value represented by the string.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, &NumError{"ParseBool", str, ErrSyntax}
}

// FormatBool returns "true" or "false" according to the value of b.
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Itoa is equivalent to FormatInt(int64(i), 10).
func Itoa(i int) string {
	return FormatInt(int64(i), 10)
}

func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func Quote(s string) string
func QuoteRune(r rune) string
func Unquote(s string) (string, error)
