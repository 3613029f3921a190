package main

func (x int) {
}

func main() {
}
// Errors:
// main.go:3:14: syntax error: unexpected {, expected name
