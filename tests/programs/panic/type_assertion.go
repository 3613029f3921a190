// Panic: a failed single-value type assertion; the two-value form does not panic.
package main

import "fmt"

func main() {
	var v interface{} = "text"
	n, ok := v.(int)
	fmt.Println(n, ok)
	fmt.Println(v.(int))
}

// Exit: 2
// Stderr contains:
// panic: interface conversion: interface {} is string, not int
// goroutine 1 [running]:
// main.main
// main.go:10
// Output:
// 0 false
