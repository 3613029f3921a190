// errors: As through wrapping, joined errors, interface targets, value-typed
// errors and As methods; bad targets panic.
package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

type Temporary interface{ Temporary() bool }

type timeout struct{}

func (timeout) Error() string   { return "timeout" }
func (timeout) Temporary() bool { return true }

type alias struct{}

func (alias) Error() string { return "alias" }
func (alias) As(target any) bool {
	if p, ok := target.(*Code); ok {
		*p = 99
		return true
	}
	return false
}

func main() {
	err := fmt.Errorf("layer 2: %w", fmt.Errorf("layer 1: %w", &NotFound{"k1"}))
	var nf *NotFound
	fmt.Println(errors.As(err, &nf), nf.Key, err)
	var c Code
	fmt.Println(errors.As(err, &c), c)
	fmt.Println(errors.As(fmt.Errorf("x: %w", Code(7)), &c), c)
	var tmp Temporary
	fmt.Println(errors.As(fmt.Errorf("y: %w", timeout{}), &tmp), tmp != nil && tmp.Temporary())
	var t timeout
	fmt.Println(errors.As(timeout{}, &t), t)
	fmt.Println(errors.As(alias{}, &c), c)
	var e2 error
	fmt.Println(errors.As(Code(3), &e2), e2)
	fmt.Println(errors.As(nil, &nf))
	var nf2 *NotFound
	fmt.Println(errors.As(errors.New("plain"), &nf2), nf2 == nil)
	defer func() { fmt.Println("recovered:", recover()) }()
	errors.As(err, nf)
}

// Output:
// true k1 layer 2: layer 1: not found: k1
// false code 0
// true code 7
// true true
// true timeout
// true code 99
// true code 3
// false
// false true
// recovered: errors: *target must be interface or implement error
