package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

var ErrTimeout = errors.New("timeout")

func lookup(k string) (int, error) {
	switch k {
	case "x":
		return 1, nil
	case "t":
		return 0, fmt.Errorf("lookup %q: %w", k, ErrTimeout)
	}
	return 0, NotFound{k}
}

func main() {
	for _, k := range []string{"x", "t", "y"} {
		v, err := lookup(k)
		var nf NotFound
		switch {
		case err == nil:
			fmt.Println(v)
		case errors.Is(err, ErrTimeout):
			fmt.Println("timeout:", err)
		case errors.As(err, &nf):
			fmt.Println("missing", nf.Key)
		}
	}
	_, err := strconv.Atoi("x")
	var numErr *strconv.NumError
	if errors.As(err, &numErr) {
		fmt.Println(numErr.Func, numErr.Err == strconv.ErrSyntax)
	}
	b, err := strconv.ParseBool("maybe")
	fmt.Println(b, err)
	_, err = os.ReadFile("missing.txt")
	fmt.Println(err, errors.Join(err, ErrTimeout) != nil)
	fmt.Fprintln(os.Stderr, "to stderr")
}
