package main

func main() {
	for var i = 0; i < 3; i++ {
	}
}
// Errors:
// main.go:4:10: syntax error: var declaration not allowed in for initializer
