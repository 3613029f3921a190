package main

func work() {}

func main() {
	go (work())
	defer work
}
// Errors:
// main.go:6:5: expression in go must not be parenthesized
// main.go:7:8: expression in defer must be function call
