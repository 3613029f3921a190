package main

func work()

func main() {
	work()
}
// Errors:
// main.go:3:6: missing function body
