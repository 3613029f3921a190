// Panic: since Go 1.21 panic(nil) becomes a *runtime.PanicNilError.
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		fmt.Printf("%T\n", r)
	}()
	panic(nil)
}

// Output:
// recovered: panic called with nil argument
// *runtime.PanicNilError
