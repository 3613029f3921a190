package main

func f() int {
	return 1, 2
}

func g() (int, error) {
	return 1
}

func h() {
	return 3
}

func main() {
	f()
	g()
	h()
}
// Errors:
// main.go:4:12: too many return values
// 	have (number, number)
// 	want (int)
// main.go:8:9: not enough return values
// 	have (number)
// 	want (int, error)
// main.go:12:9: too many return values
// 	have (number)
// 	want ()
