// Panic: a panic with an error value prints its Error() text.
package main

import (
	"errors"
	"fmt"
)

func main() {
	err := fmt.Errorf("load config: %w", errors.New("file missing"))
	panic(err)
}

// Exit: 2
// Stderr contains:
// panic: load config: file missing
// goroutine 1 [running]:
// main.main
// main.go:11
// Output:
