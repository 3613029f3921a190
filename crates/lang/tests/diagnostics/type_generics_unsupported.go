// Differs from Go: Go accepts generics; the playground does not support them
// and says so at each generic declaration.
package main

import "fmt"

func Map[T any](xs []T, f func(T) T) []T {
	return xs
}

type Box[T any] struct{ v T }

func main() {
	fmt.Println("x")
}
// Errors:
// main.go:7:6: generics are not supported by the playground
// main.go:11:6: generics are not supported by the playground
