/** A deadline as stored (its schema lives with its repository); the domain's name for it. */
export { deadlineSchema, type Deadline, type DeadlineInput } from '../../store/deadlines.js';
