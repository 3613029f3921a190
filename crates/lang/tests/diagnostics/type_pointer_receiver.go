package main

import "fmt"

type Job interface{ Run() }

type Task struct{ id int }

func (t *Task) Run() { fmt.Println(t.id) }

func main() {
	jobs := []Job{Task{1}}
	for _, j := range jobs {
		j.Run()
	}
}
// Errors:
// main.go:12:16: cannot use Task{…} (value of type Task) as Job value in array or slice literal: Task does not implement Job (method Run has pointer receiver)
