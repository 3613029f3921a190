// Panic: deferred calls run last-in first-out while the panic unwinds, before the report.
package main

import "fmt"

func main() {
	for i := 1; i <= 3; i++ {
		defer fmt.Println("deferred", i)
	}
	var p *int
	fmt.Println(*p)
}

// Exit: 2
// Stderr contains:
// panic: runtime error: invalid memory address or nil pointer dereference
// [signal SIGSEGV: segmentation violation
// goroutine 1 [running]:
// main.main
// main.go:11
// Output:
// deferred 3
// deferred 2
// deferred 1
