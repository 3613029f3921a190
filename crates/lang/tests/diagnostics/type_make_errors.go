package main

func main() {
	a := make(int)
	b := make([]int)
	c := make(chan int, 1, 2)
	d := make([]int, 10, 5)
	_, _, _, _ = a, b, c, d
}
// Errors:
// main.go:4:12: invalid argument: cannot make int; type must be slice, map, or channel
// main.go:5:7: invalid operation: make([]int) expects 2 or 3 arguments; found 1
// main.go:6:7: invalid operation: make(chan int, 1, 2) expects 1 or 2 arguments; found 3
// main.go:7:19: invalid argument: length and capacity swapped
