package main

func main() {
	x := 5
	x <- 1
	v := <-x
	_ = v
}
// Errors:
// main.go:5:2: invalid operation: cannot send to non-channel x (variable of type int)
// main.go:6:9: invalid operation: cannot receive from non-channel x (variable of type int)
