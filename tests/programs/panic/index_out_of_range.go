// Panic: indexing past the end of a slice.
package main

import "fmt"

func main() {
	s := []int{10, 20, 30}
	i := 5
	fmt.Println("len:", len(s))
	fmt.Println(s[i])
}

// Exit: 2
// Stderr contains:
// panic: runtime error: index out of range [5] with length 3
// goroutine 1 [running]:
// main.main
// main.go:10
// Output:
// len: 3
