package main

import "fmt"

type Animal interface {
	Sound() string
	Name() string
}

type Dog struct{}

func (d *Dog) Sound() string { return "woof" }
func (d Dog) Name() int       { return 1 }

func main() {
	var a Animal = Dog{}
	var b Animal = &Dog{}
	fmt.Println(a, b)
}
// Errors:
// main.go:16:17: cannot use Dog{} (value of type Dog) as Animal value in variable declaration: Dog does not implement Animal (wrong type for method Name)
// 		have Name() int
// 		want Name() string
// main.go:17:17: cannot use &Dog{} (value of type *Dog) as Animal value in variable declaration: *Dog does not implement Animal (wrong type for method Name)
// 		have Name() int
// 		want Name() string
