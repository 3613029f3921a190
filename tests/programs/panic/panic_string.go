// Panic: a panic with a string value prints the string.
package main

import "fmt"

func main() {
	defer fmt.Println("deferred calls run before the crash")
	panic("boom")
}

// Exit: 2
// Stderr contains:
// panic: boom
// goroutine 1 [running]:
// main.main
// main.go:8
// Output:
// deferred calls run before the crash
