// Language: errors.New, fmt.Errorf with %w, errors.Is, errors.As and errors.Unwrap.
package main

import (
	"errors"
	"fmt"
	"os"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func find(q string) error {
	return &QueryError{q, ErrNotFound}
}

func main() {
	err := fmt.Errorf("lookup failed: %w", find("user=7"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Is(err, os.ErrNotExist))
	var qe *QueryError
	if errors.As(err, &qe) {
		fmt.Println("query was", qe.Query)
	}
	fmt.Println(errors.Unwrap(err) == error(qe))
	fmt.Println(errors.Unwrap(errors.New("plain")) == nil)
	plain := fmt.Errorf("no wrap: %v", ErrNotFound)
	fmt.Println(plain, errors.Is(plain, ErrNotFound))
	joined := errors.Join(ErrNotFound, os.ErrPermission)
	fmt.Println(errors.Is(joined, os.ErrPermission))
	fmt.Println(joined)
	var nilErr error
	fmt.Println(nilErr == nil, nilErr)
}

// Output:
// lookup failed: user=7: not found
// true false
// query was user=7
// true
// true
// no wrap: not found false
// true
// not found
// permission denied
// true <nil>
