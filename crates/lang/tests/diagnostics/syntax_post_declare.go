package main

func main() {
	for i := 0; i < 10; j := 1 {
	}
}
// Errors:
// main.go:4:24: syntax error: cannot declare in post statement of for loop
