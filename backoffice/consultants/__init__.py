"""Consultants (bemiddelaars) and staffing per province."""
