// Panic: a struct that is neither an error nor a Stringer prints its type and an address.
package main

type Point struct{ X, Y int }

func main() {
	panic(Point{1, 2})
}

// Exit: 2
// Stderr contains:
// panic: (main.Point)
// goroutine 1 [running]:
// main.main
// main.go:7
// Output:
