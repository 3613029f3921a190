// Panic: a custom error type is printed through its Error method too.
package main

import "fmt"

type MyErr struct {
	Code int
}

func (e MyErr) Error() string {
	return fmt.Sprintf("my error %d", e.Code)
}

func main() {
	panic(MyErr{Code: 42})
}

// Exit: 2
// Stderr contains:
// panic: my error 42
// goroutine 1 [running]:
// main.main
// main.go:15
// Output:
