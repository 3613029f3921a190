package main

import "fmt"

func worker(id int) {
	fmt.Println(id)
}

func main() {
	worker(1, 2)
	worker()
	go worker("a")
}
// Errors:
// main.go:10:12: too many arguments in call to worker
// 	have (number, number)
// 	want (int)
// main.go:11:2: not enough arguments in call to worker
// 	have ()
// 	want (int)
// main.go:12:12: cannot use "a" (untyped string constant) as int value in argument to worker
