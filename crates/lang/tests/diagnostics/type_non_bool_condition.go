package main

func main() {
	n := 3
	if n {
	}
	for n {
	}
}
// Errors:
// main.go:5:5: non-boolean condition in if statement
// main.go:7:6: non-boolean condition in for statement
