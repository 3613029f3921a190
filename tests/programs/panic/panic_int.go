// Panic: values of basic types print as Go literals; named types add the type name.
package main

import "fmt"

type Code int

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
		panic(Code(7))
	}()
	panic(42)
}

// Exit: 2
// Stderr contains:
// panic: 42 [recovered]
// panic: main.Code(7)
// goroutine 1 [running]:
// main.main.func1
// main.go:11
// Output:
// recovered: 42
