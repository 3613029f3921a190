package main

func main() {
	ch := make(chan int)
	select {
	case v := <-ch
		_ = v
	}
}
// Errors:
// main.go:6:16: syntax error: unexpected newline, expected :
