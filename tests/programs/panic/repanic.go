// Panic: a deferred function recovers and panics again; both values are reported.
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("cleaning up after:", r)
		panic(fmt.Sprint("while handling: ", r))
	}()
	panic("first")
}

// Exit: 2
// Stderr contains:
// panic: first [recovered]
// panic: while handling: first
// goroutine 1 [running]:
// main.main.func1
// main.go:10
// Output:
// cleaning up after: first
