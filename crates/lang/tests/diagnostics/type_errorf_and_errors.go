package main

import (
	"errors"
	"fmt"
)

var ErrEmpty = errors.New("empty")

func check(s string) error {
	if s == "" {
		return fmt.Errorf("check: %w", ErrEmpty)
	}
	return "ok"
}

func main() {
	err := check("")
	if errors.Is(err) {
		fmt.Println(err.Msg)
	}
}
// Errors:
// main.go:14:9: cannot use "ok" (constant of type string) as error value in return statement: string does not implement error (missing method Error)
// main.go:19:15: not enough arguments in call to errors.Is
// 	have (error)
// 	want (error, error)
// main.go:20:19: err.Msg undefined (type error has no field or method Msg)
