// Panic: slicing past the capacity of a slice.
package main

import "fmt"

func main() {
	s := make([]int, 3, 4)
	hi := 10
	fmt.Println(len(s), cap(s))
	t := s[1:hi]
	fmt.Println(t)
}

// Exit: 2
// Stderr contains:
// panic: runtime error: slice bounds out of range [:10] with capacity 4
// goroutine 1 [running]:
// main.main
// main.go:10
// Output:
// 3 4
