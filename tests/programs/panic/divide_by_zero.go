// Panic: integer division by zero (a variable divisor; a constant one does not compile).
package main

import "fmt"

func divide(a, b int) int {
	return a / b
}

func main() {
	fmt.Println(divide(10, 2))
	fmt.Println(divide(1, 0))
}

// Exit: 2
// Stderr contains:
// panic: runtime error: integer divide by zero
// goroutine 1 [running]:
// main.divide
// main.go:7
// Output:
// 5
