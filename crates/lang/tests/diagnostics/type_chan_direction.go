package main

func producer(out chan<- int) {
	v := <-out
	_ = v
}

func consumer(in <-chan int) {
	in <- 1
	close(in)
}

func main() {
	ch := make(chan int)
	go producer(ch)
	consumer(ch)
}
// Errors:
// main.go:4:9: invalid operation: cannot receive from send-only channel out (variable of type chan<- int)
// main.go:9:2: invalid operation: cannot send to receive-only channel in (variable of type <-chan int)
// main.go:10:8: invalid operation: cannot close receive-only channel in (variable of type <-chan int)
