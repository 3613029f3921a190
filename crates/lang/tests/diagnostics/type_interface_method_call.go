package main

import "fmt"

type Stack interface {
	Push(int)
	Pop() int
}

func use(s Stack) {
	s.Push("x")
	v := s.Pop(1)
	s.Peek()
	fmt.Println(v)
}

func main() {}
// Errors:
// main.go:11:9: cannot use "x" (untyped string constant) as int value in argument to s.Push
// main.go:12:13: too many arguments in call to s.Pop
// 	have (number)
// 	want ()
// main.go:13:4: s.Peek undefined (type Stack has no field or method Peek)
