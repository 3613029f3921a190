// Panic: recover only works when called directly by the deferred function; called one level
// deeper it returns nil and the panic continues.
package main

import "fmt"

func helper() {
	fmt.Println("helper recover:", recover())
}

func main() {
	defer func() {
		helper()
	}()
	panic("not recovered")
}

// Exit: 2
// Stderr contains:
// panic: not recovered
// goroutine 1 [running]:
// main.main
// main.go:15
// Output:
// helper recover: <nil>
