import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { Result, Button } from 'antd';

/** A render error shows on the page that failed instead of blanking the console. */
export class PageBoundary extends Component<{ children: ReactNode; title: string; retry: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) { return { error }; }
  override componentDidCatch(error: Error, info: ErrorInfo) { console.error(error, info.componentStack); }
  override render() {
    if (this.state.error) {
      return <Result status="error" title={this.props.title} subTitle={this.state.error.message}
        extra={<Button onClick={() => this.setState({ error: null })}>{this.props.retry}</Button>} />;
    }
    return this.props.children;
  }
}
