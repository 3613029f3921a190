package main

import "fmt"

func task() int { return 1 }

func main() {
	go fmt.Println
	defer task
	go int(3)
	defer len("x")
}
// Errors:
// main.go:8:5: expression in go must be function call
// main.go:9:8: expression in defer must be function call
// main.go:10:5: go requires function call, not conversion int(3) (constant 3 of type int)
// main.go:11:8: defer discards result of len("x") (constant 1 of type int)
