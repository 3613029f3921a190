package main

type E struct{}

func (E) Error() string { panic("oops") }

func main() {
	panic(E{})
}
