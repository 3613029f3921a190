// Panic: a Stringer that is not an error is printed through its String method.
package main

import "fmt"

type State int

func (s State) String() string { return fmt.Sprintf("state#%d", int(s)) }

func main() {
	panic(State(3))
}

// Exit: 2
// Stderr contains:
// panic: state#3
// goroutine 1 [running]:
// main.main
// main.go:11
// Output:
