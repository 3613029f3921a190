package main

func main() {
	unbuf := make(chan int)
	<-unbuf
}
